package dev.userstream.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code crypto}, {@code dlt}): alone, it is a usage error (exit 2). */
abstract class CommandGroup implements Runnable {

	@ParentCommand
	UserstreamCli cli;

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "no " + this.spec.name() + " command given");
	}

}
