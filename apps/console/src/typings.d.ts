// SVG files are imported as text (angular.json `loader: {".svg": "text"}`): the icons are inlined.
declare module '*.svg' {
  const svg: string;
  export default svg;
}
