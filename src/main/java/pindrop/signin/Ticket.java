package pindrop.signin;

import java.time.Instant;

/**
 * A session ticket of AuthenticateUser: a secret, so {@link #toString()} shows only when it was issued and runs
 * out. {@code renewAt} is when pindrop signs in again, before the ticket runs out.
 */
public record Ticket(String value, Instant issued, Instant renewAt, Instant expires) {

    @Override
    public String toString() {
        return "Ticket[issued " + issued + ", expires " + expires + "]";
    }
}
