package org.zhucan.common.error;

/** An id in the request names nothing the caller may see. Reported as NOT_FOUND. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String entityType, Object id) {
        super(entityType + " " + id + " not found");
    }
}
