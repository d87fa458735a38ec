package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** The caller sees the thing but may not do this with it. */
@ApplicationException(rollback = true)
public class ForbiddenException extends DomainException {

    public ForbiddenException() {
        super("error.forbidden");
    }

    public ForbiddenException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 403;
    }
}
