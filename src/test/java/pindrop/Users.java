package pindrop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import pindrop.check.PinRule;

/** Generated users with PINs Webex accepts, and the CSV that lists them. */
final class Users {

    private Users() {
    }

    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("user%04d@acme.com", i));
        }
        return ids;
    }

    /** A PIN per user number that PinRule accepts, different for neighbours. */
    static String pin(int number) {
        PinRule rule = new PinRule();
        for (int candidate = 1000 + (number * 7919) % 9000; ; candidate = 1000 + (candidate + 1) % 9000) {
            String pin = Integer.toString(candidate);
            if (rule.problem(pin).isEmpty()) {
                return pin;
            }
        }
    }

    static String csv(List<String> ids) {
        return csv(ids, i -> pin(i));
    }

    static String csv(List<String> ids, IntFunction<String> pinOf) {
        StringBuilder csv = new StringBuilder("webExId,hostPIN\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i)).append(',').append(pinOf.apply(i)).append('\n');
        }
        return csv.toString();
    }

    /** webex.account.N.id and .password for admin1..adminN of acme.com. */
    static Map<String, String> accounts(int count) {
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        for (int n = 1; n <= count; n++) {
            accounts.put("webex.account." + n + ".id", "admin" + n + "@acme.com");
            accounts.put("webex.account." + n + ".password", "admin" + n + "-secret");
        }
        return accounts;
    }
}
