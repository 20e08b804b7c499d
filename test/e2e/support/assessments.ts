import type { Page } from 'playwright-core';
import { keyboard } from './keyboard.ts';

/**
 * On the in-depth assessment, by keyboard: for each dimension the focus goes to the first level of its
 * scale, Space selects it and the arrow keys move along the scale (and select) up to `level` (1-based).
 */
export async function scoreDimensions(page: Page, levels: Record<string, number>): Promise<void> {
  const keys = keyboard(page);
  for (const [code, level] of Object.entries(levels)) {
    await keys.press(`dimension-${code}-score-1`, 'Space');
    for (let i = 1; i < level; i += 1) await page.keyboard.press('ArrowDown');
  }
}

/** On the UVM meeting form, by keyboard: adds a participant from another body (e.g. the Ausl) and types who. */
export async function addExternalParticipant(page: Page, name: string, body: string): Promise<void> {
  const keys = keyboard(page);
  const before = await page.getByTestId('meeting-participant').count();
  await keys.press('participant-add-external');
  const participant = page.getByTestId('meeting-participant').nth(before);
  await participant.waitFor();
  const nameId = await participant.locator('input[id$="-name"]').getAttribute('id');
  const bodyId = await participant.locator('input[id$="-body"]').getAttribute('id');
  await keys.type(nameId ?? '', name);
  await keys.type(bodyId ?? '', body);
}

export interface Preliminary {
  request: string;
  needs: string;
  resources: string;
}

/** On the preliminary analysis, by keyboard: types the request, the needs and the resources. The caller moves on. */
export async function fillPreliminary(page: Page, preliminary: Preliminary): Promise<void> {
  const keys = keyboard(page);
  await keys.type('preliminary-request', preliminary.request);
  await keys.type('preliminary-needs', preliminary.needs);
  await keys.type('preliminary-resources', preliminary.resources);
}
