package pindrop.simulator;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * One parsed XML API request: who calls, with which secret, which operation on which user.
 * The {@code toString} of this record and its parts masks secrets and PINs, so a request can never leak
 * them into a log by accident.
 *
 * @param siteName   securityContext/siteName
 * @param callerId   securityContext/webExID, or securityContext/email
 * @param credential the caller's secret
 * @param operation  simple name of bodyContent's xsi:type, e.g. {@code SetUser}
 * @param targetUser bodyContent/webExId, {@code ""} when the operation names none
 * @param changes    what a SetUser asks to change (all {@code null} for other operations)
 */
record XmlRequest(String siteName, String callerId, Credential credential, String operation, String targetUser,
                  Changes changes) {

    static final String SET_USER = "SetUser";
    static final String GET_USER = "GetUser";
    static final String AUTHENTICATE_USER = "AuthenticateUser";

    /** How the caller proves who it is: the securityContext element that carried the secret. */
    enum SecretKind { PASSWORD, ACCESS_TOKEN, SESSION_TICKET }

    record Credential(SecretKind kind, String secret) {
        /** Constant-time comparison, so response timing does not reveal how much of a secret matched. */
        boolean matches(Credential other) {
            return other != null && kind == other.kind && MessageDigest.isEqual(
                    secret.getBytes(StandardCharsets.UTF_8), other.secret.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return kind + "(******)";
        }
    }

    /**
     * The per-user settings a SetUser names; {@code null} means "not named, leave as it is".
     *
     * @param hostPin        personalMeetingRoom/hostPIN
     * @param audioPin       phones/PIN
     * @param joinBeforeHost personalTeleconf/joinBeforeHost
     */
    record Changes(String hostPin, String audioPin, Boolean joinBeforeHost) {
        static final Changes NONE = new Changes(null, null, null);

        @Override
        public String toString() {
            return "Changes[hostPin " + (hostPin == null ? "unchanged" : "set")
                    + ", audioPin " + (audioPin == null ? "unchanged" : "set")
                    + ", joinBeforeHost " + (joinBeforeHost == null ? "unchanged" : joinBeforeHost) + "]";
        }
    }
}
