package pindrop.check;

import java.util.Optional;

/**
 * What makes a user id unusable before asking Webex. Markup characters are allowed on purpose: they
 * reach Webex as literal text (the stylesheet escapes them) and Webex answers for the user it names.
 */
public final class UserIdRule {

    static final int MAX_LENGTH = 128;

    public Optional<String> problem(String userId) {
        if (userId == null || userId.isEmpty()) {
            return Optional.of("user id is empty");
        }
        if (userId.length() > MAX_LENGTH) {
            return Optional.of("user id is longer than " + MAX_LENGTH + " characters");
        }
        if (userId.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            return Optional.of("user id contains spaces or control characters");
        }
        return Optional.empty();
    }
}
