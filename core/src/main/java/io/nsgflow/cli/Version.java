package io.nsgflow.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code dev} when run from classes, as in tests). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"nsgflow " + (v == null ? "dev" : v)};
    }
}
