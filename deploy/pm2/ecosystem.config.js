// PM2 process file for the published SoraPromptGenie app.
//
//   pm2 start deploy/pm2/ecosystem.config.js      first start (then `pm2 save`)
//   pm2 reload sora-prompt-genie                  after a deploy
//
// Everything is read when PM2 starts the app, from the environment of the `pm2 start` command and from ENV_FILE
// (default /etc/sora-prompt-genie/env, the same KEY=value file the systemd unit uses); the shell wins over the file.
//   APP_DIR   the publish folder PM2 runs (default: <repo>/publish); point it at a `current` symlink to switch releases
//   LOG_DIR   where the app writes combined.log/error.log and PM2 writes its own out/error logs (default: <repo>/logs)
//   DATA_DIR  where the SQLite file goes when DATABASE_URL is unset (default: <repo>/data)
//   PORT, DATABASE_URL, OPENROUTER_API_KEY, LLM_MODE, SENTRY_DSN, ...: see docs/configuration.md
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function readEnvFile(file) {
  if (!file || !fs.existsSync(file)) {
    return {};
  }
  const values = {};
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match || line.startsWith('#')) {
      continue;
    }
    let value = match[2].trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    values[match[1]] = value;
  }
  return values;
}

// The dotnet host on PATH, or under DOTNET_ROOT when PATH does not have it (PM2 started from a minimal shell).
function findDotnet(env) {
  const dirs = (env.PATH || '').split(path.delimiter).filter(Boolean);
  if (env.DOTNET_ROOT) {
    dirs.push(env.DOTNET_ROOT);
  }
  for (const dir of dirs) {
    const candidate = path.join(dir, 'dotnet');
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return 'dotnet';
}

const repo = path.resolve(__dirname, '..', '..');
const fileEnv = readEnvFile(process.env.ENV_FILE || '/etc/sora-prompt-genie/env');
const env = { ...fileEnv, ...process.env };
const appDir = path.resolve(env.APP_DIR || path.join(repo, 'publish'));
const logDir = path.resolve(env.LOG_DIR || path.join(repo, 'logs'));
// Only used without DATABASE_URL: keep the SQLite file out of the release folder, which a deploy replaces.
const dataDir = path.resolve(env.DATA_DIR || path.join(repo, 'data'));

module.exports = {
  apps: [
    {
      name: 'sora-prompt-genie',
      script: findDotnet(env),
      args: ['SoraPromptGenie.dll'],
      interpreter: 'none',
      cwd: appDir,
      exec_mode: 'fork',
      instances: 1,
      autorestart: true,
      min_uptime: '10s',
      max_restarts: 10,
      restart_delay: 2000,
      max_memory_restart: env.MAX_MEMORY_RESTART || '1G',
      // The app drains in-flight requests for up to 10 s on SIGINT/SIGTERM before PM2 may kill it.
      kill_timeout: 10000,
      out_file: path.join(logDir, 'pm2-out.log'),
      error_file: path.join(logDir, 'pm2-error.log'),
      merge_logs: true,
      time: true,
      env: {
        ...fileEnv,
        ASPNETCORE_ENVIRONMENT: env.ASPNETCORE_ENVIRONMENT || 'Production',
        PORT: env.PORT || '5000',
        LOG_DIR: logDir,
        Database__SqlitePath: env.Database__SqlitePath || path.join(dataDir, 'sora-prompt-genie.db'),
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      },
    },
  ],
};
