package pindrop.account;

/** Asks Webex whether an account may run SetUser for others (GetUser on its own id: siteAdmin true). */
@FunctionalInterface
public interface AccountCheck {

    Verdict check(Account account);

    /** What a check found: usable, unusable until fixed (with what to fix), or no answer (try again later). */
    record Verdict(Kind kind, String why) {
        public enum Kind { USABLE, UNUSABLE, NO_ANSWER }

        public static Verdict usable() {
            return new Verdict(Kind.USABLE, "");
        }

        public static Verdict unusable(String why) {
            return new Verdict(Kind.UNUSABLE, why);
        }

        public static Verdict noAnswer(String why) {
            return new Verdict(Kind.NO_ANSWER, why);
        }
    }
}
