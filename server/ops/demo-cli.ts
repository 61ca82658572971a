/**
 * `npm run demo [-- --customers 5000 --seed 2026]`: loads sample data into an EMPTY archive of the
 * configured database (SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set). Applies the
 * migrations and creates the first administrator first if the database is new.
 * Environment: GUANXI_DEMO_PASSWORD (password of the demo users, default Demo-2026!),
 * GUANXI_DEMO_CUSTOMERS, GUANXI_DEMO_SEED.
 */
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { MODULES } from '../modules';
import { checkPasswordPolicy } from '../platform/auth/passwords';
import { bootstrap } from '../platform/auth/bootstrap';
import { systemClock } from '../platform/time';
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_SEED, DEMO_USERS, DemoRefusedError, generateDemo } from './demo';

const ROLE_NAMES: Record<string, string> = {
  director: '客户服务总监 director',
  manager: '客户服务经理 manager',
  supervisor: '主管 supervisor',
  specialist: '专员 specialist',
  sales: '销售 sales',
  finance: '财务 finance',
  agent: '座席员 agent',
  qa: '质检员 QA',
  callcentre_manager: '呼叫中心经理 call-centre manager',
  team_lead: '座席班长 team lead',
};

function option(name: string, env: string | undefined, fallback: number): number {
  const args = process.argv.slice(2);
  let raw: string | undefined = env;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) raw = args[i + 1];
    else if (args[i].startsWith(`--${name}=`)) raw = args[i].slice(name.length + 3);
  }
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) {
    console.error(`--${name} must be a positive whole number (got ${raw})`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const config = loadConfig();
  const customers = option('customers', process.env.GUANXI_DEMO_CUSTOMERS, DEMO_CUSTOMERS);
  const seed = option('seed', process.env.GUANXI_DEMO_SEED, DEMO_SEED);
  const password = process.env.GUANXI_DEMO_PASSWORD || DEMO_PASSWORD;
  const weak = DEMO_USERS.flatMap((u) => checkPasswordPolicy(password, u.username, 8));
  if (weak.length) {
    console.error(`GUANXI_DEMO_PASSWORD does not meet the password policy (${[...new Set(weak.map((w) => w.message))].join(', ')}).`);
    process.exit(2);
  }
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db, MODULES);
    const first = await bootstrap(db.kysely, systemClock, { username: config.adminUsername, password: config.adminPassword });
    const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
    console.log(`演示数据 Demo data → ${where}: ${customers} customers, seed ${seed}`);
    let last = 0;
    const result = await generateDemo(db, {
      customers,
      seed,
      password,
      dataDir: config.dataDir,
      progress: (done, total) => {
        const pct = Math.floor((done / total) * 10);
        if (pct > last && process.stdout.isTTY) {
          last = pct;
          process.stdout.write(`  ${done}/${total}\r`);
        }
      },
    });
    const line = '='.repeat(72);
    console.log(`\n${line}`);
    console.log(`已导入 Loaded: ${result.customers} 客户 customers, ${result.contacts} 联系人 contacts, ${result.updates} later edits, in ${result.seconds.toFixed(1)} s`);
    for (const m of result.modules) console.log(`  ${m}`);
    if (first.created) {
      console.log(
        first.generated
          ? `首个管理员账号 First administrator: ${first.username} / ${first.password}  (仅显示一次 — shown once; change it after signing in)`
          : `首个管理员账号 First administrator: ${first.username} (密码来自 GUANXI_ADMIN_PASSWORD)`,
      );
    }
    console.log(`演示用户 Demo users (密码 password: ${password}${process.env.GUANXI_DEMO_PASSWORD ? ' from GUANXI_DEMO_PASSWORD' : ''}; 首次登录须修改 — change it at first sign-in):`);
    for (const u of result.users) {
      console.log(`  ${u.username.padEnd(14)} ${u.displayName.padEnd(4, '　')} ${u.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ').padEnd(26)} ${u.department} ${u.team ?? ''}${u.created ? '' : '  (already existed: password unchanged)'}`);
    }
    console.log(line);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof DemoRefusedError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error('演示数据导入失败 Demo data failed:', err);
  process.exit(1);
});
