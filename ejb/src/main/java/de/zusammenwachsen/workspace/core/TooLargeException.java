package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** A file larger than the limit, or one that would overrun a group's storage quota: 413. */
@ApplicationException(rollback = true)
public class TooLargeException extends DomainException {

    public TooLargeException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 413;
    }
}
