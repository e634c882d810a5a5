package io.herald.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code herald version}. */
@Command(name = "version", description = "Print version and build information.")
final class VersionCommand implements Runnable {

    @Override
    public void run() {
        for (String line : lines()) {
            System.out.println(line);
        }
    }

    static String[] lines() {
        Properties build = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/herald-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return new String[] {
            "herald " + build.getProperty("version", "unknown"),
            "built " + build.getProperty("timestamp", "unknown"),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** Feeds picocli's {@code --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
