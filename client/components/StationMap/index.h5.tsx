// H5 build of StationMap: Taro's web components have no real map, and bundling the stub
// (with its gesture library) would cost ~80 KB. Taro resolves `index.h5.tsx` before
// `index.tsx` when TARO_ENV is h5; pages still guard the map with TARO_ENV as well.
export default function StationMap(_props: unknown) {
  return null;
}
