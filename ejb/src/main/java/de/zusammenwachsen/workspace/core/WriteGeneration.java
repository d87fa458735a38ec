package de.zusammenwachsen.workspace.core;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter for a cache of committed rows: every write of those rows moves it, once at the write and once when the
 * writing transaction ends. A cache tags what it read with the value it saw before reading and reads again when the
 * value has moved. The second move matters: a reader between the write and the commit still sees the old rows and
 * would otherwise keep them. While a writing transaction is open nothing read is kept at all ({@link #keeps}): the
 * writer's own reads see its uncommitted rows, which another reader must never be shown.
 */
public final class WriteGeneration {

    private final AtomicLong value = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();

    /** The value to tag a read with; take it before the read. */
    public long current() {
        return value.get();
    }

    /** Whether rows read since {@code tagged} may be kept: nothing was written since, and no write is still open. */
    public boolean keeps(long tagged) {
        return open.get() == 0 && value.get() == tagged;
    }

    /** The rows are written in the running transaction (or right now, without one). */
    public void moved(TransactionSynchronizationRegistry transactions) {
        value.incrementAndGet();
        if (transactions != null && transactions.getTransactionKey() != null
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            open.incrementAndGet();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing to do before: the rows are not committed yet.
                }

                @Override
                public void afterCompletion(int status) {
                    // Committed or rolled back: either way the next reader reads the rows as they are now.
                    value.incrementAndGet();
                    open.decrementAndGet();
                }
            });
        }
    }
}
