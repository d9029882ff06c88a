package pindrop.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The site's users and their settings. Ids are e-mail-like and compared without regard to case, as Webex
 * does; an account's webExID and email are the same string here. Each user is an immutable
 * {@link SiteUser} replaced atomically per id, so concurrent SetUser calls never see half an update.
 */
final class UserDirectory {

    /** What {@code anyUser} accepts as an existing user: 1 to 128 characters, none of them white space. */
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("\\S{1,128}");

    /**
     * One site user. {@code credential} is null for users who never call the API themselves; the PIN fields
     * are null until set.
     */
    record SiteUser(String id, XmlRequest.Credential credential, boolean siteAdmin, String hostPin, String audioPin,
                    Boolean joinBeforeHost) {

        static SiteUser plain(String id) {
            return new SiteUser(id, null, false, null, null, null);
        }

        /** This user after a SetUser: settings the request did not name stay as they are. */
        SiteUser with(XmlRequest.Changes changes) {
            return new SiteUser(id, credential, siteAdmin,
                    changes.hostPin() != null ? changes.hostPin() : hostPin,
                    changes.audioPin() != null ? changes.audioPin() : audioPin,
                    changes.joinBeforeHost() != null ? changes.joinBeforeHost() : joinBeforeHost);
        }

        @Override
        public String toString() {
            return "SiteUser[" + id + (siteAdmin ? ", site admin" : "") + "]";
        }
    }

    private final Map<String, SiteUser> initial;
    private final boolean anyUser;
    private final Map<String, SiteUser> users = new ConcurrentHashMap<>();

    /** @param initial users by {@link #key(String)}; with anyUser, every plausible id exists as well */
    UserDirectory(Map<String, SiteUser> initial, boolean anyUser) {
        this.initial = Map.copyOf(initial);
        this.anyUser = anyUser;
        users.putAll(this.initial);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** The caller if its id exists and the credential is its own, else empty. */
    Optional<SiteUser> authenticate(String callerId, XmlRequest.Credential credential) {
        SiteUser user = users.get(key(callerId));
        return user != null && user.credential() != null && user.credential().matches(credential)
                ? Optional.of(user) : Optional.empty();
    }

    Optional<SiteUser> find(String id) {
        SiteUser user = users.get(key(id));
        if (user == null && anyUser && PLAUSIBLE_ID.matcher(id).matches()) {
            return Optional.of(SiteUser.plain(id));
        }
        return Optional.ofNullable(user);
    }

    /** Applies a SetUser to a user that {@link #find(String)} finds; users are never removed. */
    void update(String id, XmlRequest.Changes changes) {
        find(id).ifPresent(found -> users.merge(key(id), found.with(changes), (old, fresh) -> old.with(changes)));
    }

    /** Back to the users as built, with no setting changed. */
    void reset() {
        users.clear();
        users.putAll(initial);
    }
}
