package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** Something the caller may not see or that does not exist. Deliberately the same for both, so that existence never leaks. */
@ApplicationException(rollback = true)
public class NotFoundException extends DomainException {

    public NotFoundException() {
        super("error.notFound");
    }

    public NotFoundException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 404;
    }
}
