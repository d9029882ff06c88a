package pindrop.secrets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.util.FileUtil;
import org.apache.camel.util.StringHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about a secrets file that users other than its owner may read. Secrets files are Camel main's file
 * configurations ({@code camel.main.file-configurations}, e.g. {@code /run/secrets/*.properties}), found here
 * the way Camel finds them: a comma-separated list of a folder and a file name that may hold wildcards.
 */
public final class SecretFileCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFileCheck.class);

    private SecretFileCheck() {
    }

    /** Logs a warning for each secrets file readable by its group or by others. */
    public static void warnAbout(Optional<String> fileConfigurations) {
        fileConfigurations.map(SecretFileCheck::files).orElse(List.of())
                .forEach(file -> problem(file).ifPresent(LOG::warn));
    }

    /** The files Camel main loads for this {@code camel.main.file-configurations} value. */
    static List<Path> files(String fileConfigurations) {
        List<Path> files = new ArrayList<>();
        for (String location : fileConfigurations.split(",")) {
            String folder = FileUtil.onlyPath(location.trim());
            if (folder == null) {
                continue;
            }
            String pattern = location.trim().substring(folder.length() + 1);
            File[] found = new File(folder).listFiles(file -> StringHelper.matches(pattern, file.getName()));
            if (found != null) {
                for (File file : found) {
                    files.add(file.toPath());
                }
            }
        }
        return files;
    }

    /** Why this secrets file is not safe, if it is not; a file system without POSIX permissions is not judged. */
    static Optional<String> problem(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        List<String> readers = new ArrayList<>();
        if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            readers.add("its group");
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            readers.add("every user");
        }
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The secrets file " + file + " can be read by " + String.join(" and ", readers)
                + ": make it readable by its owner only (chmod 600 " + file + ")");
    }
}
