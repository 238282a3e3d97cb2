import type { Money } from '../../shared/model.ts';
import { inlineScripts } from '../dom.ts';
import { readAssignedLiteral } from '../js-literal.ts';
import { isObj, numericId, str } from '../alibaba-ssr.ts';
import { moneyFromText, moneyFromValue } from './money.ts';

// What AliExpress item pages embed: `window.runParams = { data: {…} }`, read as text. Two
// shapes (spec marketplaces.md): 2023-06 "modules" (titleModule, imageModule, storeModule,
// priceModule, skuModule) and 2023-07 "components" (productInfoComponent, imageComponent,
// sellerComponent, priceComponent, currencyComponent). Since 2024-09 the data arrives by
// XHR and the page embeds none: every field is then null and the DOM is the source.

/** Longer scripts are bundles, not page data. */
const MAX_SCRIPT_CHARS = 1_500_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export interface ItemData {
  itemId: string | null;
  title: string | null;
  images: string[];
  storeName: string | null;
  storeId: string | null;
  storeUrl: string | null;
  price: Money | null;
}

export const NO_DATA: ItemData = { itemId: null, title: null, images: [], storeName: null, storeId: null, storeUrl: null, price: null };

/** An amount object as AliExpress gives it: {currency, formatedAmount, value}. */
function amountOf(a: unknown, fallbackCurrency: string | null): Money | null {
  const o = obj(a);
  const currency = str(o.currency) ?? fallbackCurrency;
  return moneyFromValue(o.value, currency) ?? moneyFromText(str(o.formatedAmount), currency);
}

/** The price a buyer pays now: the sale price before the list price, the data before the SKU list. */
function priceOf(priceBlock: Obj, skuList: unknown, currency: string | null): Money | null {
  const candidates: unknown[] = [
    obj(priceBlock.discountPrice).minActivityAmount,
    priceBlock.minActivityAmount,
    obj(priceBlock.origPrice).minAmount,
    priceBlock.minAmount,
  ];
  for (const c of candidates) {
    const m = amountOf(c, currency);
    if (m) return m;
  }
  const text = str(priceBlock.formatedActivityPrice) ?? str(priceBlock.formatedPrice);
  const fromText = moneyFromText(text, currency);
  if (fromText) return fromText;
  const first = obj(obj(Array.isArray(skuList) ? skuList[0] : null).skuVal);
  return amountOf(first.skuActivityAmount, currency) ?? amountOf(first.skuAmount, currency);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => !!s) : []);

function fromData(d: Obj): ItemData {
  const title = obj(d.titleModule).subject ?? obj(d.productInfoComponent).subject;
  const images = strings(obj(d.imageModule).imagePathList);
  const store = isObj(d.storeModule) ? d.storeModule : obj(d.sellerComponent);
  const currency = str(obj(d.currencyComponent).currencyCode) ?? str(obj(d.commonModule).currencyCode);
  const price = isObj(d.priceModule)
    ? priceOf(d.priceModule, obj(d.skuModule).skuPriceList, currency)
    : priceOf(obj(d.priceComponent), obj(d.priceComponent).skuPriceList ?? obj(d.skuComponent).skuPriceList, currency);
  return {
    itemId: numericId(obj(d.productInfoComponent).id) ?? numericId(obj(d.commonModule).productId) ?? numericId(obj(d.actionModule).productId),
    title: str(title),
    images: images.length ? images : strings(obj(d.imageComponent).imagePathList),
    storeName: str(store.storeName),
    storeId: numericId(store.storeNum),
    storeUrl: str(store.storeURL),
    price,
  };
}

export function readItemData(doc: ParentNode): ItemData {
  for (const s of inlineScripts(doc, MAX_SCRIPT_CHARS)) {
    if (!s.includes('runParams')) continue;
    const v = readAssignedLiteral(s, 'runParams');
    if (isObj(v) && isObj(v.data)) return fromData(v.data);
  }
  return NO_DATA;
}
