package dev.pollsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version stamped into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** pollsim's version, {@code unknown} outside a built jar. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pollsim " + version(), "Java " + System.getProperty("java.version")};
    }
}
