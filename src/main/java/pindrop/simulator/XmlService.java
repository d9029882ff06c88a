package pindrop.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the answer to one request body, in the order the real server checks: malformed request, random
 * faults, site and credentials, per-minute limit, SetUser quota, privilege, then the operation itself.
 */
final class XmlService {

    /**
     * What to send back. {@code httpStatus} {@link #RESET} means "close the connection without answering";
     * {@code xml} is null for any status but 200.
     *
     * @param request     the parsed request, or null when it could not be parsed
     * @param exceptionId the FAILURE's exceptionID, {@code ""} for SUCCESS and for answers without XML
     */
    record Answer(XmlRequest request, int httpStatus, String exceptionId, byte[] xml) {
        static final int RESET = 0;

        static Answer status(XmlRequest request, int httpStatus) {
            return new Answer(request, httpStatus, "", null);
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final String siteName;
    private final UserDirectory directory;
    private final CallerLimits limits;
    private final FaultInjector faults;
    private final SiteOutage outage;
    private final RequestParser parser = new RequestParser();
    private final ResponseWriter writer = new ResponseWriter();
    private final SignIns signIns;

    /**
     * How the site signs callers in: its session tickets, the OAuth integration whose access tokens it takes (null
     * for none), whether AuthenticateUser is refused, what it saw, and the site's host PIN length.
     */
    record SignIns(TicketOffice tickets, OAuthService oauth, boolean refuseTickets, SignInLog seen,
                   int hostPinLength) {
    }

    XmlService(String siteName, UserDirectory directory, CallerLimits limits, FaultInjector faults,
            SiteOutage outage, SignIns signIns) {
        this.siteName = siteName;
        this.directory = directory;
        this.limits = limits;
        this.faults = faults;
        this.outage = outage;
        this.signIns = signIns;
    }

    Answer answer(byte[] body) {
        XmlRequest request;
        try {
            request = parser.parse(body);
        } catch (RequestParser.MalformedRequestException e) {
            return failure(null, WebexError.FORWARD_FAILED);
        }
        String operation = request.operation();
        if (!operation.equals(XmlRequest.SET_USER) && !operation.equals(XmlRequest.GET_USER)
                && !operation.equals(XmlRequest.AUTHENTICATE_USER)) {
            return failure(request, WebexError.FORWARD_FAILED); // not simulated: no back end to forward it to
        }
        if (outage.answers503()) {
            return Answer.status(request, 503);
        }
        switch (faults.next()) {
            case RESET -> { return Answer.status(request, Answer.RESET); }
            case HTTP_503 -> { return Answer.status(request, 503); }
            case BACKEND -> { return failure(request, WebexError.AS_SERVICE_NOT_RESPONDING); }
            case NONE -> { }
        }
        if (!siteName.equalsIgnoreCase(request.siteName())) {
            return failure(request, WebexError.FORWARD_FAILED); // no such site to forward to
        }
        signIns.seen().carried(UserDirectory.key(request.callerId()), operation, carrier(request));
        if (request.credential().kind() == XmlRequest.SecretKind.SESSION_TICKET
                && !signIns.tickets().callerOf(request.credential().secret())
                        .equals(Optional.of(UserDirectory.key(request.callerId())))) {
            return failure(request, WebexError.INVALID_SESSION_TICKET); // expired, revoked, unknown or another's
        }
        Optional<UserDirectory.SiteUser> authenticated = authenticate(request);
        if (authenticated.isEmpty()) {
            return failure(request, WebexError.INCORRECT_USER_OR_PASSWORD);
        }
        UserDirectory.SiteUser caller = authenticated.get();
        String callerKey = UserDirectory.key(caller.id());
        if (!limits.admit(callerKey)) {
            return failure(request, WebexError.RATE_LIMIT_REACHED);
        }
        if (operation.equals(XmlRequest.AUTHENTICATE_USER)) {
            return authenticateUser(request, callerKey);
        }
        boolean setUser = operation.equals(XmlRequest.SET_USER);
        if (setUser && !limits.takeSetUserQuota(callerKey)) {
            return failure(request, WebexError.INCORRECT_USER_OR_PASSWORD); // the field-reported lock
        }
        boolean ownRecord = callerKey.equals(UserDirectory.key(request.targetUser()));
        if (!caller.siteAdmin() && (setUser || !ownRecord)) {
            return failure(request, WebexError.ACCESS_DENIED);
        }
        if (setUser && outage.failsSetUser()) {
            return new Answer(request, 200, outage.exceptionId(),
                    writer.failure(outage.exceptionId(), outage.reason()));
        }
        return setUser ? setUser(request) : getUser(request);
    }

    /** The caller of a request whose ticket passed, or whose password or access token is its own and current. */
    private Optional<UserDirectory.SiteUser> authenticate(XmlRequest request) {
        XmlRequest.Credential credential = request.credential();
        if (credential.kind() == XmlRequest.SecretKind.SESSION_TICKET) {
            return directory.find(request.callerId());
        }
        if (credential.kind() == XmlRequest.SecretKind.ACCESS_TOKEN && signIns.oauth() != null) {
            Optional<Map.Entry<String, OAuthService.AccessToken>> issued = signIns.oauth().check(credential.secret());
            if (issued.isPresent()) {
                if (issued.get().getValue() == OAuthService.AccessToken.EXPIRED) {
                    signIns.seen().expiredAccessToken();
                    return Optional.empty();
                }
                return issued.get().getKey().equals(UserDirectory.key(request.callerId()))
                        ? directory.find(request.callerId()) : Optional.empty();
            }
        }
        return directory.authenticate(request.callerId(), credential);
    }

    private Answer authenticateUser(XmlRequest request, String callerKey) {
        if (signIns.refuseTickets()) {
            return failure(request, WebexError.TICKETS_NOT_SUPPORTED);
        }
        TicketOffice.Issued issued = signIns.tickets().issue(callerKey);
        signIns.seen().signedIn(callerKey);
        return new Answer(request, 200, "", writer.authenticateUserResponse(issued.ticket(),
                issued.created().toEpochMilli(), signIns.tickets().lifetime().toSeconds()));
    }

    /** The element that carried the call's secret: password, webExAccessToken, sessionTicket, or accessToken. */
    private static String carrier(XmlRequest request) {
        return switch (request.credential().kind()) {
            case PASSWORD -> "password";
            case SESSION_TICKET -> "sessionTicket";
            case ACCESS_TOKEN -> request.operation().equals(XmlRequest.AUTHENTICATE_USER) ? "accessToken"
                    : "webExAccessToken";
        };
    }

    private Answer setUser(XmlRequest request) {
        if (directory.find(request.targetUser()).isEmpty()) {
            return failure(request, WebexError.USER_NOT_FOUND);
        }
        XmlRequest.Changes changes = request.changes();
        if (isWeakPin(changes.hostPin(), signIns.hostPinLength()) || isWeakPin(changes.audioPin(), 4)) {
            return failure(request, WebexError.INVALID_PIN);
        }
        directory.update(request.targetUser(), changes);
        return new Answer(request, 200, "", writer.setUserResponse());
    }

    private Answer getUser(XmlRequest request) {
        return directory.find(request.targetUser())
                .map(user -> new Answer(request, 200, "", writer.getUserResponse(user)))
                .orElseGet(() -> failure(request, WebexError.USER_NOT_FOUND));
    }

    private Answer failure(XmlRequest request, WebexError error) {
        return new Answer(request, 200, error.exceptionId(), writer.failure(error));
    }

    static boolean isWeakPin(String pin) {
        return isWeakPin(pin, 4);
    }

    /**
     * Webex's rule: exactly {@code length} ASCII digits (4 unless the site says otherwise), not all the same, not
     * a run up or down by one (1234, 9876). Wrap-arounds such as 7890 pass, as they do on Webex as far as is
     * known. A setting not named is not weak.
     */
    static boolean isWeakPin(String pin, int length) {
        if (pin == null) {
            return false;
        }
        if (pin.length() != length || !DIGITS.matcher(pin).matches()) {
            return true;
        }
        int firstStep = pin.charAt(1) - pin.charAt(0);
        if (Math.abs(firstStep) > 1) {
            return false;
        }
        for (int i = 2; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != firstStep) {
                return false;
            }
        }
        return true; // every step is the same 0, +1 or -1
    }
}
