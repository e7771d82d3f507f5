import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'TODO';

export default createRule<Options, MessageIds>({
  name: 'consistent-return-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO',
      recommended: 'recommended',
    },
    messages: {
      TODO: 'TODO: say what is wrong and what to do instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Program(node: TSESTree.Program) {
        void node;
        void context;
      },
    };
  },
});
