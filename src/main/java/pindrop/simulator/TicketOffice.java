package pindrop.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session tickets AuthenticateUser hands out: each names its caller and runs out {@code lifetime} after it
 * was issued; an expired, revoked or unknown ticket is not valid (030047).
 */
final class TicketOffice {

    /** An issued ticket: whose it is, when it was made and when it runs out. */
    record Issued(String ticket, String callerKey, Instant created, Instant expires) {
        @Override
        public String toString() {
            return "Issued[" + callerKey + " until " + expires + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ISSUED = new CopyOnWriteArrayList<>();

    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    TicketOffice(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Duration lifetime() {
        return lifetime;
    }

    Issued issue(String callerKey) {
        Instant now = clock.instant();
        Issued issued = new Issued(secret(), callerKey, now, now.plus(lifetime));
        tickets.put(issued.ticket(), issued);
        return issued;
    }

    /** The caller a ticket was issued to, if it is still valid. */
    Optional<String> callerOf(String ticket) {
        Issued issued = tickets.get(ticket);
        return issued == null || !clock.instant().isBefore(issued.expires()) ? Optional.empty()
                : Optional.of(issued.callerKey());
    }

    /** Every ticket of this caller stops working at once, as if Webex had ended its sessions. */
    void revoke(String callerKey) {
        tickets.values().removeIf(issued -> issued.callerKey().equals(callerKey));
    }

    void reset() {
        tickets.clear();
    }

    /** An unguessable token: 32 random bytes, URL-safe Base64; remembered, so a leak test can look for it. */
    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ISSUED.add(secret);
        return secret;
    }

    /** Every ticket, token and code any simulator of this JVM issued. */
    static List<String> issued() {
        return List.copyOf(ISSUED);
    }
}
