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

    /**
     * Ends the JVM with this status ({@code Cli.run} has flushed its writers; the streams are flushed here for what
     * wrote to them directly). {@code System.exit} would first ask the JDK's {@code System.Logger} whether to log
     * the exit (JDK 21 and later): that first use looks for logging back-ends on the class path, which opens and
     * indexes the 4,700-entry jar, and starts java.util.logging: 19 ms of CPU in a profile of {@code --version},
     * which took 17 ms less without it. Halting skips that and the shutdown hooks; the tool leaves none registered
     * when {@code Cli.run} returns (the lab server removes its own, the progress bar closes its terminal).
     */
    public static void end(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Settings of the libraries that shorten every start; a user's own setting wins.
     *
     * <p>dnsjava logs through slf4j, and the tool bundles slf4j's no-operation provider. Named here, slf4j takes it
     * directly instead of searching every module and the jar for providers (a tenth of a short trace's start-up
     * on the main thread); its note that it did so is below the warning level.
     *
     * <p>picocli registers converters for {@code java.sql} and {@code java.time} types by reflection, one class
     * look-up each, on every start; the tool has no option of those types (its durations have their own
     * converters).
     */
    public static void startupSettings() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        if (System.getProperty(SELECTOR_PROVIDER) == null && isUsableSelectorProvider(LINUX_SELECTOR_PROVIDER)) {
            System.setProperty(SELECTOR_PROVIDER, LINUX_SELECTOR_PROVIDER);
        }
    }

    /**
     * The JDK's socket channels find their provider through a service look-up over the class path, which opens and
     * indexes the jar (10 ms of a trace's start-up; nothing else a trace does reads the jar when the AOT cache or
     * class-data archive holds its classes), unless this property names the provider class. Named only when it is
     * the JDK's own Linux one and present, as a public {@code SelectorProvider}: the JDK then makes the same
     * provider it would have found.
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
