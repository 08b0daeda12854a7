import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// ---------------------------------------------------------------------------------------------------
// The architecture, enforced: routes call services; services call the pure domain and the
// repositories; only repositories touch the database; the domain imports neither Fastify nor Drizzle;
// the web never imports the server; a feature calls another feature's service, never its repository.
// (server/src/architecture.test.ts lints bad snippets to prove each rule bites.)
// ---------------------------------------------------------------------------------------------------

const FRAMEWORK = {
  regex: '^(fastify|fastify-plugin|@fastify/.*)$',
  message: 'Fastify belongs to routes and plugins, not here.',
};
const DRIZZLE = {
  regex: '^drizzle-orm(/.*)?$',
  message: 'Only repositories (*.repository.ts) and server/src/db/ use Drizzle; move the query there.',
};
const DRIVERS = {
  regex: '^(pg|@electric-sql/pglite(/.*)?)$',
  message: 'Database drivers are opened in server/src/db/client.ts only.',
};
const DB = {
  regex: '(^|/)db(/.*)?$',
  message:
    'Only repositories (*.repository.ts) import the database schema or client; call a repository function.',
};
const MODULES = { regex: '(^|/)modules/', message: 'The pure domain does not depend on features.' };
const PLUGINS = { regex: '(^|/)plugins/', message: 'The pure domain does not depend on Fastify plugins.' };
const OTHER_REPOSITORY = {
  // from server/src/modules/<a>/…: "../<b>/<b>.repository" is another feature's repository
  regex: '^\\.\\./(\\.\\./)*(modules/)?[^./][^/]*/[^/]+\\.repository(\\.[jt]s)?$',
  message:
    "A feature calls another feature's service, never its repository (shared SQL helpers live in server/src/db/, e.g. db/scope.ts).",
};
const SERVER = {
  regex: '(^|/)server(/|$)',
  message: 'The web never imports the server: shared shapes and words live in contract/.',
};
const WEB = { regex: '(^|/)web(/|$)', message: 'The contract does not depend on the web.' };
const SERVER_PACKAGES = {
  regex:
    '^(fastify|fastify-plugin|@fastify/.*|drizzle-orm(/.*)?|pg|@electric-sql/pglite(/.*)?|@node-rs/argon2)$',
  message: 'Server packages do not belong in the browser or the shared contract.',
};

/** One `no-restricted-imports` per file class: flat config replaces (not merges) a rule's options. */
const boundary = (name, files, patterns, ignores = []) => ({
  name: `boundaries/${name}`,
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** Server files that may reach the database directly: repositories, the db layer, composition roots, tests. */
const DATABASE_GLUE = [
  'server/src/**/*.repository.ts',
  'server/src/db/**',
  'server/src/**/*.test.ts',
  'server/src/main.ts', // composition root: opens, migrates, seeds
  'server/src/cli.ts', // command line: opens and migrates the database
  'server/src/deps.ts', // the dependency bag carries the database handle
  'server/src/modules/audit/unit-of-work.ts', // opens the transaction it hands to repositories
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'server/drizzle', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through server/src/config.ts only.',
        },
      ],
    },
  },
  {
    files: ['server/src/config.ts', 'e2e/**', 'bench/**', 'server/test/**', '**/*.test.ts', '*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },

  // Layers. The file classes below are disjoint, so each file gets exactly one set of patterns.
  boundary('domain', ['server/src/domain/**'], [FRAMEWORK, DRIZZLE, DRIVERS, DB, MODULES, PLUGINS]),
  boundary('modules', ['server/src/modules/**'], [DRIZZLE, DRIVERS, DB, OTHER_REPOSITORY], DATABASE_GLUE),
  boundary(
    'modules-database-glue',
    [
      'server/src/modules/**/*.repository.ts',
      'server/src/modules/**/*.test.ts',
      'server/src/modules/audit/unit-of-work.ts',
    ],
    [OTHER_REPOSITORY],
  ),
  boundary(
    'server-outside-modules',
    ['server/src/**'],
    [DRIZZLE, DRIVERS, DB],
    ['server/src/domain/**', 'server/src/modules/**', ...DATABASE_GLUE],
  ),
  boundary('web', ['web/**'], [SERVER, SERVER_PACKAGES]),
  boundary('contract', ['contract/**'], [SERVER, WEB, SERVER_PACKAGES]),
);
