import type { CalcInputs, Calculator } from '../calc/calculator.js';
import type { Json, JsonObject } from '../deps.js';
import type { Params } from '../protocol/params.js';

/**
 * Global search (`SearchResults` / `SearchSuggest`): each term is matched against every visible
 * field's values the way the list-box search does (word starts), one group per term.
 */
function terms(params: Params): string[] {
  const raw = params.qTerms;
  return Array.isArray(raw)
    ? raw.filter((t): t is string => typeof t === 'string' && t !== '')
    : [];
}

function searchFields(calc: Calculator, options: JsonObject): string[] {
  const wanted = Array.isArray(options.qSearchFields) ? options.qSearchFields.map(String) : [];
  return calc.model.fields
    .filter((f) => !f.isSystem && !f.tags.includes('$hidden'))
    .map((f) => f.name)
    .filter((name) => wanted.length === 0 || wanted.includes(name));
}

function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function searchResults(calc: Calculator, inputs: CalcInputs, params: Params): Json {
  const options = asObject(params.qOptions);
  const page = asObject(params.qPage);
  const offset = Number(page.qOffset ?? 0);
  const count = Number(page.qCount ?? 10) || 10;
  const maxMatches = Number(page.qMaxNbrFieldMatches ?? 5) || 5;
  const all = terms(params);
  const groups: Json[] = all.map((term, index) => {
    const items: Json[] = [];
    for (const name of searchFields(calc, options)) {
      const symbols = calc.search(inputs, name, term, 'words');
      if (symbols.length === 0) continue;
      const field = calc.model.fieldByName(name);
      items.push({
        qItemType: 'Field',
        qTotalNumberOfMatches: symbols.length,
        qIdentifier: name,
        qItemMatches: symbols.slice(0, maxMatches).map((s) => ({
          qText: field?.symbols.text(s) ?? '',
          qAttributes: [],
        })),
        qSearchTermsMatched: [index],
      });
    }
    return {
      qId: index,
      qGroupType: 'DatasetType',
      qSearchTermsMatched: [index],
      qTotalNumberOfItems: items.length,
      qItems: items,
    };
  });
  return {
    qSearchTerms: all,
    qTotalNumberOfGroups: groups.length,
    qSearchGroupArray: groups.slice(offset, offset + count),
  };
}

export function searchSuggest(calc: Calculator, inputs: CalcInputs, params: Params): Json {
  const options = asObject(params.qOptions);
  const last = terms(params).at(-1) ?? '';
  const suggestions = new Map<string, number>();
  if (last !== '') {
    for (const name of searchFields(calc, options)) {
      const field = calc.model.fieldByName(name);
      for (const s of calc.search(inputs, name, last, 'words').slice(0, 20)) {
        const text = field?.symbols.text(s) ?? '';
        const word = text.split(/\s+/).find((w) => w.toLowerCase().startsWith(last.toLowerCase()));
        if (word) suggestions.set(word, (suggestions.get(word) ?? 0) + 1);
      }
    }
  }
  return {
    qSuggestions: [...suggestions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([value]) => ({ qValue: value, qTerm: 0 })),
    qFieldNames: [],
  };
}
