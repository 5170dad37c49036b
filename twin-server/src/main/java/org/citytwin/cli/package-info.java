/**
 * The {@code twin} command line: one picocli command class per subcommand, each a thin shell that
 * parses options, calls core, prints and returns a meaningful exit code ({@link ExitCodes}).
 */
package org.citytwin.cli;
