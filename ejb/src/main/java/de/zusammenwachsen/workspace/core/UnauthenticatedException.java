package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** The action needs a logged-in account. */
@ApplicationException(rollback = true)
public class UnauthenticatedException extends DomainException {

    public UnauthenticatedException() {
        super("error.loginRequired");
    }

    public UnauthenticatedException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 401;
    }
}
