package wirelab.grading.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a student's .zip without trusting it: no entry may leave the target folder (zip slip),
 * be absolute, or be a link; the total size and the number of files are capped, counting the
 * bytes actually inflated (a zip bomb lies about its sizes).
 */
public final class SafeUnzip {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_FILES = 5000;

    private SafeUnzip() {
    }

    public static void unzip(Path zip, Path target) throws Refused, IOException {
        unzip(zip, target, MAX_BYTES, MAX_FILES);
    }

    public static void unzip(Path zip, Path target, long maxBytes, int maxFiles) throws Refused, IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        ZipFile file;
        try {
            file = new ZipFile(zip.toFile());
        } catch (IOException e) {
            throw new Refused(zip.getFileName() + " is not a readable zip file (" + e.getMessage() + ")");
        }
        try (file) {
            long total = 0;
            int count = 0;
            java.util.Set<String> links = linkNames(zip);
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
                    throw new Refused("the zip holds an absolute path (" + name + "); refused");
                }
                Path dest = root.resolve(name).normalize();
                if (!dest.startsWith(root) || name.contains("../") || name.equals("..")) {
                    throw new Refused("the zip holds a path that escapes its folder (" + name + "); refused");
                }
                if (links.contains(entry.getName())) {
                    throw new Refused("the zip holds a symbolic link (" + name + "); refused");
                }
                if (++count > maxFiles) {
                    throw new Refused("the zip holds more than " + maxFiles + " files; refused");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(dest)) {
                    byte[] buf = new byte[16384];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new Refused("the zip unpacks to more than " + maxBytes / (1024 * 1024) + " MiB; refused");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        }
    }

    /**
     * Names of the entries made from symbolic links: Unix mode bits live in the upper half of each
     * central-directory entry's "external attributes", which java.util.zip does not expose.
     */
    static java.util.Set<String> linkNames(Path zip) throws IOException {
        java.util.Set<String> links = new java.util.HashSet<>();
        byte[] all = Files.size(zip) > 64L * 1024 * 1024 ? null : Files.readAllBytes(zip);
        if (all == null) {
            return links;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = all.length - 22; i >= Math.max(0, all.length - 22 - 65535); i--) {
            if (b.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return links;
        }
        int entries = b.getShort(eocd + 10) & 0xffff;
        int at = b.getInt(eocd + 16);
        for (int n = 0; n < entries && at >= 0 && at + 46 <= all.length && b.getInt(at) == 0x02014b50; n++) {
            int madeBy = (b.getShort(at + 4) & 0xffff) >> 8;
            int nameLen = b.getShort(at + 28) & 0xffff;
            int extraLen = b.getShort(at + 30) & 0xffff;
            int commentLen = b.getShort(at + 32) & 0xffff;
            int external = b.getInt(at + 38);
            if (at + 46 + nameLen > all.length) {
                break;
            }
            String name = new String(all, at + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
            if (madeBy == 3 && ((external >>> 16) & 0xF000) == 0xA000) {
                links.add(name);
            }
            at += 46 + nameLen + extraLen + commentLen;
        }
        return links;
    }
}
