package org.dnstracer.lab;
public final class LabDefinition { public static LabDefinition builtIn() { return null; } public static LabDefinition load(java.nio.file.Path p) throws LabException { return null; } }
