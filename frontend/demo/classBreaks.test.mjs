// Unit tests of the choropleth classes (node --test demo/); the module's DOM code is not touched.
import test from 'node:test';
import assert from 'node:assert/strict';
import { classBreaks, PALETTE } from '../../src/Saphan/wwwroot/js/districtMap.js';

test('no values gives no classes', () => {
  assert.deepEqual(classBreaks([]), []);
  assert.deepEqual(classBreaks([null, undefined, NaN, 'x']), []);
});

test('one distinct value gives one class', () => {
  assert.deepEqual(classBreaks([7, 7, 7]), [{ min: 7, max: 7 }]);
});

test('fewer distinct values than colours gives one class per value', () => {
  assert.deepEqual(classBreaks([3, 1, 2, 2]), [{ min: 1, max: 1 }, { min: 2, max: 2 }, { min: 3, max: 3 }]);
});

test('50 districts fall into 5 contiguous, ordered classes that cover every value', () => {
  const values = Array.from({ length: 50 }, (_, i) => Math.round(1000 * 1.08 ** i));
  const groups = classBreaks(values);
  assert.equal(groups.length, PALETTE.length);
  for (let i = 1; i < groups.length; i++) assert.ok(groups[i].min > groups[i - 1].max);
  assert.equal(groups[0].min, Math.min(...values));
  assert.equal(groups.at(-1).max, Math.max(...values));
  for (const v of values) assert.ok(groups.some(g => v >= g.min && v <= g.max), `${v} in a class`);
  // Quantiles: each class holds 10 of the 50 distinct values.
  for (const g of groups) assert.equal(values.filter(v => v >= g.min && v <= g.max).length, 10);
});

test('skewed counts do not collapse into one class (quantiles, not equal intervals)', () => {
  const values = [...Array.from({ length: 45 }, (_, i) => 100 + i), 50000, 60000, 70000, 80000, 90000];
  const groups = classBreaks(values);
  const inFirst = values.filter(v => v <= groups[0].max).length;
  assert.ok(inFirst <= 10, `first class holds ${inFirst} values`);
});

test('zero and negative numbers are classed, non-numbers ignored', () => {
  const groups = classBreaks([0, -1, 5, null, 'a']);
  assert.deepEqual(groups, [{ min: -1, max: -1 }, { min: 0, max: 0 }, { min: 5, max: 5 }]);
});
