package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** The state changed since the caller looked (a concurrent edit, a used token, a duplicate). */
@ApplicationException(rollback = true)
public class ConflictException extends DomainException {

    public ConflictException() {
        super("error.conflict");
    }

    public ConflictException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 409;
    }
}
