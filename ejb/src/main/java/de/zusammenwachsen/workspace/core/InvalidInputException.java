package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

/** Input that breaks a rule; the key names the rule. */
@ApplicationException(rollback = true)
public class InvalidInputException extends DomainException {

    public InvalidInputException() {
        super("error.invalid");
    }

    public InvalidInputException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public int status() {
        return 400;
    }
}
