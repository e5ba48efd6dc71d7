// Seeds demo data through the public GraphQL API (so it exercises the real write path)
// and prints the demo logins. Idempotent: members that exist already are logged in instead.
const endpoint = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const password = 'payforward-demo-2026';

const members = [
  { email: 'seeker@demo.payforward.dev', displayName: 'Sam Seeker', headline: 'Bootcamp grad looking for a first backend role', timezone: 'Europe/London', role: 'seeker' },
  { email: 'mentor@demo.payforward.dev', displayName: 'Maya Mentor', headline: 'Staff engineer at a fintech', timezone: 'Europe/Berlin', role: 'mentor' },
  { email: 'dana@demo.payforward.dev', displayName: 'Dana Diaz', headline: 'Engineering manager, payments', timezone: 'America/New_York' },
  { email: 'lee@demo.payforward.dev', displayName: 'Lee Park', headline: 'Career switcher from teaching to data', timezone: 'Asia/Seoul' },
  { email: 'ana@demo.payforward.dev', displayName: 'Ana Costa', headline: 'Senior frontend engineer', timezone: 'America/Sao_Paulo' },
  { email: 'omar@demo.payforward.dev', displayName: 'Omar Haddad', headline: 'Recruiter turned developer advocate', timezone: 'Africa/Cairo' },
];

async function gql(query, variables) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const register = `mutation($input: RegisterInput!) { register(input: $input) { token member { id displayName } } }`;
const login = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token member { id displayName } } }`;

let done = 0;
for (const m of members) {
  const { role: _role, ...profile } = m;
  let r = await gql(register, { input: { ...profile, password } });
  if (r.errors?.[0]?.extensions?.code === 'CONFLICT') r = await gql(login, { email: m.email, password });
  if (r.errors) {
    console.error(`seed: ${m.email}: ${JSON.stringify(r.errors)}`);
    process.exit(1);
  }
  done += 1;
  process.stdout.write(`\r    members ${done}/${members.length}`);
}
console.log('\n\nDemo logins (password for all: ' + password + ')');
for (const m of members.filter((x) => x.role)) console.log(`  ${m.role.padEnd(7)} ${m.email}`);
