package org.zhucan.common.error;

import graphql.ErrorClassification;

/**
 * The classification beyond Spring's five: the server is too busy to answer now (no database
 * connection within the pool's wait, a statement or a lock that timed out, a deadlock that
 * survived its retries). Nothing was changed; the same request can be sent again after a pause.
 * The error carries {@code extensions.retryable: true}; no other classification does.
 */
public enum Unavailable implements ErrorClassification {
    UNAVAILABLE
}
