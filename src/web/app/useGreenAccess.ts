import { useEffect, useRef } from 'react';
import { indicatorsSchema, standardsSchema } from '../../core/green/model.ts';
import { atlasWorker, layersReady } from '../../worker/client.ts';
import { formatProblemIn } from '../i18n/problems.ts';
import { rawDetail } from '../i18n/raw-detail.ts';
import { translate } from '../i18n/useT.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import type { Lang } from '../state/url.ts';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

async function loadJson<T>(file: string, parse: (v: unknown) => T): Promise<T> {
  const res = await fetch(`${DATA_BASE}${file}`);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  try {
    return parse(await res.json());
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
  }
}

/**
 * Runs the green-access work in the worker: park coverage for the chosen cities under the chosen
 * rule (when the coverage view is on), and the "is this place covered?" answer. Results go to
 * the green store; stale answers are dropped.
 */
export function useGreenAccess(): void {
  const data = useAtlas((s) => s.data);
  const rule = useAtlas((s) => s.coverageRule);
  const cities = useAtlas((s) => s.filters.cities);
  const place = useAtlas((s) => s.place);
  const seq = useRef(0);
  const placeSeq = useRef(0);

  useEffect(() => {
    Promise.all([
      loadJson('standards.json', (v) => standardsSchema.parse(v)),
      loadJson('indicators.json', (v) => indicatorsSchema.parse(v)),
    ])
      .then(([standards, published]) => useGreen.setState({ standards, published }))
      .catch((e: unknown) => {
        const error = e instanceof Error ? e.message : String(e);
        useAtlas.getState().addNotice({
          id: 'green-reference',
          level: 'warning',
          text: (lang) => translate(lang, 'noticeStandards', { error }),
          details: [rawDetail(error)],
        });
      });
  }, []);

  useEffect(() => {
    if (!rule || !data?.boundaries) {
      useGreen.setState({ coverage: null, status: 'idle', error: null });
      return;
    }
    const mine = ++seq.current;
    useGreen.setState({ status: 'busy', error: null });
    layersReady(data)
      .then(() => atlasWorker().coverage([...cities], rule))
      .then((coverage) => {
        if (mine !== seq.current) return;
        useGreen.setState({ coverage, status: 'done' });
        if (coverage.parkIssues.length > 0) {
          useAtlas.getState().addNotice({
            id: 'park-issues',
            level: 'warning',
            text: (lang) => translate(lang, 'noticeParkIssues', { n: coverage.parkIssues.length }),
            details: coverage.parkIssues.map((p) => (lang: Lang) => formatProblemIn(p, lang)),
          });
        }
      })
      .catch((e: unknown) => {
        if (mine === seq.current) {
          useGreen.setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
        }
      });
  }, [data, rule, cities]);

  const newPark = useGreen((s) => s.newPark);
  const detailSeq = useRef(0);
  useEffect(() => {
    const city = cities.length === 1 ? (cities[0] as string) : null;
    if (!rule || !city || !data?.boundaries) {
      useGreen.setState({ detail: null, detailStatus: 'idle' });
      return;
    }
    const mine = ++detailSeq.current;
    useGreen.setState({ detailStatus: 'busy' });
    layersReady(data)
      .then(() => atlasWorker().cityDetail(city, rule, newPark))
      .then((detail) => {
        if (mine === detailSeq.current) useGreen.setState({ detail, detailStatus: 'done' });
      })
      .catch(() => {
        if (mine === detailSeq.current) useGreen.setState({ detail: null, detailStatus: 'error' });
      });
  }, [data, rule, cities, newPark]);

  useEffect(() => {
    if (!place || !rule) {
      // An answer still on its way (for the place just cleared, e.g. by a city change) is dropped.
      placeSeq.current++;
      useGreen.setState({ answer: null, answerError: null });
      return;
    }
    const mine = ++placeSeq.current;
    (data ? layersReady(data) : Promise.resolve())
      .then(() => atlasWorker().placeCheck(place.lon, place.lat, rule))
      .then((answer) => {
        if (mine === placeSeq.current) useGreen.setState({ answer, answerError: null });
      })
      .catch((e: unknown) => {
        if (mine === placeSeq.current) {
          useGreen.setState({
            answer: null,
            answerError: e instanceof Error ? e.message : String(e),
          });
        }
      });
  }, [data, place, rule]);
}
