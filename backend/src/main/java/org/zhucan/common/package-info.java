/**
 * What every feature uses: money, time, errors, pagination, GraphQL limits, SQL counting, batching,
 * personal-data protection, audit, idempotency, health and start-up checks. An open module: its
 * sub-packages are all part of its API (features use {@code common.money.Money},
 * {@code common.error.UserError}...), and it depends on no feature.
 */
@ApplicationModule(displayName = "Common", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.zhucan.common;

import org.springframework.modulith.ApplicationModule;
