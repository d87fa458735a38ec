package de.zusammenwachsen.workspace.core;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A refused use case. Carries a message-bundle key (and arguments) instead of text, because the boundary does not
 * know the reader's language; pages turn it into a FacesMessage, the REST API into RFC 9457 problem JSON.
 * Rolls the transaction back so that a refused action never leaves half-written data.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    private final String key;
    private final List<Object> arguments;

    protected DomainException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The HTTP status that the REST API and the pages answer with. */
    public abstract int status();
}
