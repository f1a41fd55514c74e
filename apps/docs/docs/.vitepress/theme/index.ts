import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import LabChart from './components/LabChart.vue';
import ParamsControls from './components/ParamsControls.vue';

/**
 * The default theme plus the two shared building blocks every demo uses: a uPlot chart and the
 * controls generated from a params spec. The demos themselves are imported by the page that shows
 * them, so each page only loads the packages its demo needs.
 */
export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LabChart', LabChart);
    app.component('ParamsControls', ParamsControls);
  },
} satisfies Theme;
