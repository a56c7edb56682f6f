package org.dnstracer;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Modifier;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import org.dnstracer.cli.Cli;

/** Entry point of the dnstracer command. */
public final class Main {
    static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";
    static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

    private Main() {}

    public static void main(String[] args) {
        startupSettings();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        end(Cli.run(args, out, err));
    }

    /** Ends the JVM with this status ({@code Cli.run} has flushed its writers). */
    public static void end(int status) {
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Settings of the libraries that shorten every start (each saved at least 5 ms of a whole trace in an A/B,
     * bench/RESULTS.md); a user's own setting wins.
     *
     * <p>picocli registers converters for {@code java.sql} and {@code java.time} types by reflection, one class
     * look-up each, on every start; the tool has no option of those types (its durations have their own
     * converters).
     */
    public static void startupSettings() {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        if (System.getProperty(SELECTOR_PROVIDER) == null && isUsableSelectorProvider(LINUX_SELECTOR_PROVIDER)) {
            System.setProperty(SELECTOR_PROVIDER, LINUX_SELECTOR_PROVIDER);
        }
    }

    /**
     * The JDK's socket channels find their provider through a service look-up over the class path, which opens and
     * indexes the jar, unless this property names the provider class. Named only when it is the JDK's own Linux
     * one and present, as a public {@code SelectorProvider}: the JDK then makes the same provider it would have
     * found.
     */
    static boolean isUsableSelectorProvider(String className) {
        try {
            Class<?> provider = Class.forName(className, false, Main.class.getClassLoader());
            provider.getConstructor(); // the JDK calls the public no-argument one
            int modifiers = provider.getModifiers();
            return SelectorProvider.class.isAssignableFrom(provider)
                    && Modifier.isPublic(modifiers)
                    && !Modifier.isAbstract(modifiers);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return false;
        }
    }
}
