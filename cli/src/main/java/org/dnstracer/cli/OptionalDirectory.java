package org.dnstracer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --lab [DIR]}: takes the next argument only when it is a directory, so that
 * {@code --lab www.example.com} traces www.example.com on the built-in lab. An empty value means built-in.
 */
final class OptionalDirectory implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        if (!args.isEmpty() && !args.peek().startsWith("-") && Files.isDirectory(Path.of(args.peek()))) {
            argSpec.setValue(args.pop());
        } else {
            argSpec.setValue("");
        }
    }
}
