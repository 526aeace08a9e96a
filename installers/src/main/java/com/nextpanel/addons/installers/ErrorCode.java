package com.nextpanel.addons.installers;

/** The kinds of failure of the installer build. */
public enum ErrorCode {
    /** A command-line option of the build helper is missing or malformed. */
    BAD_OPTION,
    /** A build output of another module (a jar, lib/) is not there: build it first. */
    INPUT_MISSING,
    /** jdeps, jlink, jpackage, dpkg-deb or tar is missing or exited non-zero. */
    TOOL_FAILED,
    /** Reading or writing a file of the installer build failed. */
    IO
}
