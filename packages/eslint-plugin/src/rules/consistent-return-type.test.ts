import { createRuleTester } from '../../test/rule-tester.js';
import rule from './consistent-return-type.js';

const ruleTester = createRuleTester();

ruleTester.run('consistent-return-type', rule, {
  valid: [
    // TODO: code the rule must accept
    'const ok = 1;',
  ],
  invalid: [
    // TODO: code the rule must report
    {
      code: 'const notOk = 1;',
      errors: [{ messageId: 'TODO', line: 1, column: 1, endLine: 1, endColumn: 17 }],
    },
  ],
});
