#!/usr/bin/env node
import { Command } from 'commander';

const program = new Command('faultline').description('Audit a TypeScript codebase for error-handling and data-consistency bugs');
program
  .command('audit [path]')
  .description('audit a codebase')
  .action(() => {
    process.stderr.write('faultline: the audit is not implemented yet\n');
    process.exitCode = 2;
  });
await program.parseAsync();
