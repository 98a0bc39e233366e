package io.cdiconnections.config;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns, as ssh does for private keys, when other users can read a secrets file. Once per file
 * for the life of this class (a deployment), so that reloads do not repeat it.
 */
final class PermissionsCheck {

    private static final Logger LOG = System.getLogger(SecretsConfigSource.class.getPackageName());
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private PermissionsCheck() {
    }

    /** Checks a secrets file. */
    static void checkFile(Path file) {
        Set<PosixFilePermission> permissions = permissions(file);
        if (readableByOthers(permissions) && WARNED.add(file)) {
            LOG.log(Level.WARNING, Messages.readableByOthers(file.toString(),
                    PosixFilePermissions.toString(permissions)));
        }
    }

    /**
     * Checks the files of a secrets directory, warning once for the directory as a whole.
     *
     * @throws SecretsException when the directory holds too many entries to be read
     */
    static void checkDirectory(Path directory) {
        if (WARNED.contains(directory)) {
            return;
        }
        SecretsDirectoryReader.Budget budget = new SecretsDirectoryReader.Budget(directory);
        for (Path folder : SecretsDirectoryReader.visibleEntries(directory, budget)) {
            if (Files.isDirectory(folder) && SecretsDirectoryReader.files(folder, budget).stream()
                    .anyMatch(file -> readableByOthers(permissions(file)))) {
                if (WARNED.add(directory)) {
                    LOG.log(Level.WARNING, Messages.directoryReadableByOthers(directory.toString()));
                }
                return;
            }
        }
    }

    private static boolean readableByOthers(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    /** Empty where the file system has no POSIX permissions (Windows): nothing to warn about. */
    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Set.of();
        }
    }
}
