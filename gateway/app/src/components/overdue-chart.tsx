import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface OverdueSeries {
  name: string;
  values: number[];
}

/** Overdue tasks per jurisdiction as stacked bars (e.g. a district's own tasks and its streets'). */
export function OverdueChart(props: { categories: string[]; series: OverdueSeries[]; onSelect?: (index: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 72 },
      xAxis: { type: 'category', data: props.categories, axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', name: '逾期任务', minInterval: 1 },
      series: props.series.map((s) => ({ name: s.name, type: 'bar', stack: 'overdue', data: s.values })),
    });
    const onClick = (event: { dataIndex: number }) => props.onSelect?.(event.dataIndex);
    chart.on('click', onClick);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [props.categories, props.series, props.onSelect]);
  return <div className="chart" ref={element} data-testid="overdue-chart" />;
}
