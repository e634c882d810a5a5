package io.herald.store;

/** A storage operation failed. The message names the operation; the cause keeps the driver's detail. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
