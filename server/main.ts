import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { bootstrap } from './platform/auth/bootstrap';
import { systemClock } from './platform/time';
import { startHousekeeping } from './platform/jobs/housekeeping';
import { MODULES } from './modules';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const db = openDatabase(config.database);
  await migrateToLatest(db, MODULES);
  const first = await bootstrap(db.kysely, systemClock, { username: config.adminUsername, password: config.adminPassword });
  let built_;
  try {
    built_ = await buildApp({ config, db });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  const { app, services, built, setShuttingDown } = built_;
  if (first.created) {
    const line = first.generated
      ? `首个管理员账号 First administrator: ${first.username} / ${first.password}  (仅显示一次，请登录后修改 — shown once; change it after signing in)`
      : `首个管理员账号 First administrator: ${first.username} (密码来自 GUANXI_ADMIN_PASSWORD)`;
    console.log(`\n${'='.repeat(72)}\n${line}\n${'='.repeat(72)}\n`);
  }
  const stopJobs = startHousekeeping(services, app.log);
  // Each module's scheduled jobs (reminders, deliveries, contract expiry, complaint deadlines …).
  const stopModuleJobs = [...built.byModule.values()].flatMap(({ manifest, services: own, ctx }) =>
    manifest.jobs ? [manifest.jobs(own, { ...ctx, log: app.log })] : [],
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    setShuttingDown();
    stopJobs();
    for (const stop of stopModuleJobs) stop();
    const force = setTimeout(() => {
      app.log.error('forced exit after 20 s');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await db.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  app.log.info(`Guanxi CRM 客户关系管理系统 listening on http://localhost:${config.port} (database: ${where})`);
}

main().catch((err) => {
  console.error('启动失败 Start-up failed:', err);
  process.exit(1);
});
