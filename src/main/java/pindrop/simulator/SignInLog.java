package pindrop.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator saw of each account's signing in: its AuthenticateUser sign-ins, which credential each of
 * its calls carried (by the element that held it), its token refreshes, and expired access tokens sent.
 * Counts only, never a secret.
 */
final class SignInLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void signedIn(String callerKey) {
        add("signIn|" + callerKey);
    }

    void carried(String callerKey, String operation, String credential) {
        add("call|" + callerKey + "|" + operation + "|" + credential);
    }

    void refreshed(String accountKey) {
        add("refresh|" + accountKey);
    }

    void expiredAccessToken() {
        add("expiredAccessToken");
    }

    int signIns(String callerKey) {
        return get("signIn|" + callerKey);
    }

    int carrying(String callerKey, String operation, String credential) {
        return get("call|" + callerKey + "|" + operation + "|" + credential);
    }

    int refreshes(String accountKey) {
        return get("refresh|" + accountKey);
    }

    int expiredAccessTokens() {
        return get("expiredAccessToken");
    }

    void clear() {
        counts.clear();
    }

    private void add(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private int get(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }
}
