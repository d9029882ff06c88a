package pindrop.batch;

/**
 * The first row of each user in a file, in a few bytes per user: a 64-bit hash of the user id in an
 * open-addressing table, so a million-row file needs megabytes, not a map of strings. Two different ids
 * share a hash with a chance of about one in 10^7 for a million users; then the later row is reported as
 * a duplicate it is not, and the user sees which row it was compared with.
 */
final class UserIndex {

    private long[] keys = new long[1024];
    private int[] rows = new int[1024];
    private int size;

    /** Remembers {@code row} as the first row of {@code userId}, or returns the earlier row of the same user. */
    int firstRow(String userId, int row) {
        long key = hash(userId);
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = find(keys, rows, key);
        if (rows[slot] != 0) {
            return rows[slot];
        }
        keys[slot] = key;
        rows[slot] = row;
        size++;
        return row;
    }

    private static int find(long[] keys, int[] rows, long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (rows[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] != 0) {
                int slot = find(keys, rows, oldKeys[i]);
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    /** FNV-1a over the case-folded id: Webex ids and e-mail addresses do not differ by case. */
    private static long hash(String userId) {
        long h = 0xcbf29ce484222325L;
        String folded = userId.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < folded.length(); i++) {
            h ^= folded.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
