// ECharts built from its parts (ADR 0010): bar charts on a canvas, a grid, tooltips. Only this
// subpackage imports it, so the chart library never weighs on the main package.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default echarts;
