/* global console */
/**
 * Throughput of the working-day clock: how many due dates one core computes per second.
 * Target: at least 500,000 per second.
 *
 * It runs the compiled library, so build first:
 *   npx tsc -b libs/domain && node bench/working-day-clock.bench.js
 */
const { addWorkingDays, workingCalendar } = require('@safeguard/domain');

const COMPUTATIONS = 1_000_000;
const WARM_UP = 200_000;
const INPUTS = 65_536;

const calendars = [
  workingCalendar('england-and-wales'),
  workingCalendar('scotland'),
  workingCalendar('northern-ireland'),
];

// A fixed-seed generator, so every run measures the same inputs.
let seed = 20_260_101;
function random() {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
}

const from = Date.UTC(2026, 0, 1);
const to = Date.UTC(2030, 11, 31);
const starts = Array.from({ length: INPUTS }, () => new Date(from + random() * (to - from)));
const counts = Array.from({ length: INPUTS }, () => Math.floor(random() * 29));
const calendarOf = Array.from({ length: INPUTS }, () => calendars[Math.floor(random() * 3)]);

function run(times) {
  let checksum = 0;
  for (let i = 0; i < times; i += 1) {
    const slot = i & (INPUTS - 1);
    checksum += addWorkingDays(starts[slot], counts[slot], calendarOf[slot]).getTime() % 1_000_003;
  }
  return checksum;
}

run(WARM_UP);
const began = process.hrtime.bigint();
const checksum = run(COMPUTATIONS);
const elapsedMs = Number(process.hrtime.bigint() - began) / 1e6;
const perSecond = Math.round(COMPUTATIONS / (elapsedMs / 1000));

console.log(
  `${COMPUTATIONS.toLocaleString('en-GB')} due dates in ${elapsedMs.toFixed(1)} ms: ` +
    `${perSecond.toLocaleString('en-GB')} per second (checksum ${checksum})`,
);
